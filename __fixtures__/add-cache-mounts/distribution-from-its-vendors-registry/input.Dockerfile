FROM ghcr.io/oracle/oraclelinux:8-slim AS build
RUN curl -fsSL https://go.dev/dl/go1.22.4.linux-amd64.tar.gz | tar -C /usr/local -xz
ENV PATH=$PATH:/usr/local/go/bin
WORKDIR /src
COPY . .
RUN go build -o /app .

FROM registry.opensuse.org/opensuse/leap:15.6
RUN zypper install -y go1.22
WORKDIR /src
COPY . .
RUN go build -o /app .
