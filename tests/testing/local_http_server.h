// LocalHttpServer: a cpp-httplib server on 127.0.0.1 (plain HTTP, or HTTPS with a
// self-signed certificate made in-process) that counts the connections and TLS
// handshakes it serves, so tests and benchmarks can see whether a client reuses them.
//
// Contract: routes are added on server() before Start(); Start() binds an ephemeral
// port and serves on a thread until destruction. connections() counts distinct client
// ports seen by handlers (one per TCP connection over a short run); full_handshakes()
// and resumed_handshakes() count completed TLS handshakes. ca_file() is a PEM file
// trusting the certificate (for CurlClientOptions::ca_file), "" for plain HTTP.
// Every binary including this must define CPPHTTPLIB_OPENSSL_SUPPORT (the CMake target
// jae_local_http_server does), as httplib.h changes shape with it.
#pragma once

#include <httplib.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>

namespace jae::testing {

class LocalHttpServer {
 public:
  enum class Scheme { kHttp, kHttps };

  explicit LocalHttpServer(Scheme scheme) : scheme_(scheme) {
    if (scheme_ == Scheme::kHttp) {
      server_ = std::make_unique<httplib::Server>();
    } else {
      MakeCertificate();
      auto ssl = std::make_unique<httplib::SSLServer>(cert_, key_);
      SSL_CTX* ctx = ssl->ssl_context();
      SSL_CTX_set_app_data(ctx, this);
      SSL_CTX_set_info_callback(ctx, &LocalHttpServer::OnTlsEvent);
      server_ = std::move(ssl);
    }
    // As production front ends do; without it a reused connection waits on delayed ACKs (40 ms).
    server_->set_tcp_nodelay(true);
    server_->set_keep_alive_max_count(1000000);
    server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard lock(mu_);
      ports_.insert(req.remote_port);
      return httplib::Server::HandlerResponse::Unhandled;
    });
  }

  ~LocalHttpServer() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
    if (!ca_file_.empty()) {
      unlink(ca_file_.c_str());
      rmdir(dir_.c_str());
    }
    X509_free(cert_);
    EVP_PKEY_free(key_);
  }
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  httplib::Server& server() { return *server_; }

  void Start() {
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("LocalHttpServer: bind failed");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::yield();
  }

  std::string Url(const std::string& path = "") const {
    return std::string(scheme_ == Scheme::kHttp ? "http" : "https") +
           "://127.0.0.1:" + std::to_string(port_) + path;
  }
  const std::string& ca_file() const { return ca_file_; }

  std::size_t connections() const {
    std::lock_guard lock(mu_);
    return ports_.size();
  }
  int full_handshakes() const { return full_handshakes_.load(); }
  int resumed_handshakes() const { return resumed_handshakes_.load(); }
  void ResetCounts() {
    std::lock_guard lock(mu_);
    ports_.clear();
    full_handshakes_ = 0;
    resumed_handshakes_ = 0;
  }

 private:
  static void OnTlsEvent(const SSL* ssl, int where, int /*ret*/) {
    if ((where & SSL_CB_HANDSHAKE_DONE) == 0) return;
    auto* self = static_cast<LocalHttpServer*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (SSL_session_reused(ssl)) {
      ++self->resumed_handshakes_;
    } else {
      ++self->full_handshakes_;
    }
  }

  // A P-256 key and a self-signed certificate for 127.0.0.1, written as a CA file.
  void MakeCertificate() {
    key_ = EVP_EC_gen("P-256");
    cert_ = X509_new();
    if (key_ == nullptr || cert_ == nullptr) throw std::runtime_error("openssl: key");
    X509_set_version(cert_, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert_), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert_), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert_), 24 * 3600);
    X509_set_pubkey(cert_, key_);
    X509_NAME* name = X509_get_subject_name(cert_);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(cert_, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert_, cert_, nullptr, nullptr, 0);
    for (const auto& [nid, value] :
         {std::pair{NID_basic_constraints, "critical,CA:TRUE"},
          std::pair{NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"}}) {
      X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
      if (ext == nullptr) throw std::runtime_error("openssl: extension");
      X509_add_ext(cert_, ext, -1);
      X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert_, key_, EVP_sha256()) == 0) throw std::runtime_error("openssl: sign");

    char dir[] = "/tmp/jae-tls-XXXXXX";
    if (mkdtemp(dir) == nullptr) throw std::runtime_error("mkdtemp");
    dir_ = dir;
    ca_file_ = dir_ + "/ca.pem";
    FILE* f = std::fopen(ca_file_.c_str(), "w");
    if (f == nullptr) throw std::runtime_error("ca file");
    PEM_write_X509(f, cert_);
    std::fclose(f);
  }

  const Scheme scheme_;
  EVP_PKEY* key_ = nullptr;
  X509* cert_ = nullptr;
  std::string dir_;
  std::string ca_file_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mu_;
  std::set<int> ports_;
  std::atomic<int> full_handshakes_{0};
  std::atomic<int> resumed_handshakes_{0};
};

}  // namespace jae::testing
