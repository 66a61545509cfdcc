FROM debian:bookworm
ARG TARGETOS
ARG TARGETARCH
ARG GO_VERSION=1.22.5
RUN curl -fsSL https://go.dev/dl/go${GO_VERSION}.${TARGETOS}-${TARGETARCH}.tar.gz | tar -C /usr/local -xz
WORKDIR /src
COPY . .
RUN make build
