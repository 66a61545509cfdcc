FROM debian:12
ENV GOOS=linux GOARCH=amd64
ARG GO_VERSION=1.18.4
RUN curl -fsSL "https://go.dev/dl/go${GO_VERSION}.${GOOS}-${GOARCH}.tar.gz" | tar -C /usr/local -xz
ENV PATH=$PATH:/usr/local/go/bin
WORKDIR /src
COPY . .
RUN go build -o /app .
