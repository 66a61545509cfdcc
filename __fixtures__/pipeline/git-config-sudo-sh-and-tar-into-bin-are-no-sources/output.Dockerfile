FROM alpine AS src
COPY . /src
FROM golang:1.22
RUN git config --global url."https://x@github.com/".insteadOf "https://github.com/" && curl -sSfL https://get.example.com/install.sh | sudo sh && curl -L https://x/t.tgz | tar -xz -C /usr/local/bin
COPY --from=src /src /src
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -mod=mod -o /app .
