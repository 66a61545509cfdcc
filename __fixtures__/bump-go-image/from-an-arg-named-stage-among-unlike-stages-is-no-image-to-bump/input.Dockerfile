FROM almalinux:8 AS base-amd64
RUN dnf install -y gcc
FROM rocm/dev-almalinux-8:6.3 AS base-arm64
RUN dnf install -y clang
FROM base-${TARGETARCH} AS build
ARG GOVERSION=1.26.0
RUN curl -fsSL https://go.dev/dl/go${GOVERSION}.linux-amd64.tar.gz | tar xz -C /usr/local
ENV PATH=/usr/local/go/bin:$PATH
WORKDIR /src
COPY . .
RUN go build -o /app .
