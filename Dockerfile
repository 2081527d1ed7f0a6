# syntax=docker/dockerfile:1
# jae-ocr for Cloud Run: a Debian 12 build stage, then a slim runtime holding only the
# binary, the shared libraries it links (found with ldd, see deploy/runtime-packages.sh),
# CA certificates and the Tesseract language data of the local engine.
#   docker build -t jae-ocr .
#   docker run --rm -p 8080:8080 -e RESULTS_BUCKET=/tmp/results jae-ocr
# The container honours PORT (Cloud Run sets it) and runs as a non-root user.

FROM debian:12 AS build
ENV DEBIAN_FRONTEND=noninteractive
WORKDIR /src
# Dependencies first, so source edits do not invalidate this layer.
COPY scripts/install-deps.sh scripts/install-deps.sh
RUN apt-get update -qq \
 && scripts/install-deps.sh \
 && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DJAE_TESTS=OFF -DJAE_BENCH=OFF \
 && cmake --build /build --target jae-ocr -j "$(nproc)" \
 && strip /build/jae-ocr /build/libjae-ocr-local.so /build/libjae-ocr-image.so \
 && deploy/runtime-packages.sh /build/jae-ocr /build/libjae-ocr-local.so /build/libjae-ocr-image.so \
      > /build/runtime-packages.txt \
 && cat /build/runtime-packages.txt

FROM debian:12-slim AS runtime
ENV DEBIAN_FRONTEND=noninteractive
COPY --from=build /build/runtime-packages.txt /tmp/runtime-packages.txt
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends ca-certificates \
      tesseract-ocr-eng tesseract-ocr-fra tesseract-ocr-osd $(cat /tmp/runtime-packages.txt) \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages.txt \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin jae
COPY --from=build /build/jae-ocr /usr/local/bin/jae-ocr
# The modules, found in ../lib/jae-ocr: the image normaliser (libvips), loaded once `serve`
# listens; the local engine (OpenCV + Tesseract), loaded only when chosen.
COPY --from=build /build/libjae-ocr-image.so /usr/local/lib/jae-ocr/libjae-ocr-image.so
COPY --from=build /build/libjae-ocr-local.so /usr/local/lib/jae-ocr/libjae-ocr-local.so
# Tesseract with one thread per call: with OpenMP's default it is several times slower
# on the 1-2 vCPUs of a Cloud Run instance (shared/reference/tooling.md).
ENV OMP_THREAD_LIMIT=1 \
    PORT=8080
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/jae-ocr"]
CMD ["serve"]
