FROM golang:1.24
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=gomod-${TARGETARCH},target=/go/pkg/mod go build -o /app .
