// Gemini API error answers: the google.rpc error body, the retry hints it carries
// (Retry-After header, RetryInfo.retryDelay), and the Status each HTTP status becomes.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/status.h"
#include "engine/gemini/gemini_config.h"
#include "http/http_client.h"

namespace jae::gemini {

// 408, 429, 500, 502, 503, 504: a later attempt may succeed.
bool IsRetryableHttpStatus(int status);

// Retry-After as delta-seconds or an HTTP-date (relative to `now`); 0 when absent or
// unparsable. Capped at one hour.
std::chrono::milliseconds ParseRetryAfter(std::string_view value,
                                          std::chrono::system_clock::time_point now);

// error.details[@type=type.googleapis.com/google.rpc.RetryInfo].retryDelay ("22s",
// "1.5s"); 0 when absent. Capped at one hour.
std::chrono::milliseconds ParseRetryInfoDelay(std::string_view body);

// The larger of the two hints of a response.
std::chrono::milliseconds ServerRetryHint(const HttpResponse& response,
                                          std::chrono::system_clock::time_point now);

// The Status for a non-200 answer: 400 InvalidArgument, 401 Unauthenticated, 403
// PermissionDenied, 404 NotFound naming GEMINI_MODEL, 429 ResourceExhausted, 504
// DeadlineExceeded, other 5xx Unavailable. The API's own message is quoted (it never
// holds document data).
Status HttpErrorStatus(const GeminiConfig& config, const HttpResponse& response);

}  // namespace jae::gemini
