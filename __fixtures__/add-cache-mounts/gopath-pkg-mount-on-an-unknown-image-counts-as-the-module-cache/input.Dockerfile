ARG TOOLCHAIN
FROM ${TOOLCHAIN}
ENV GOPATH /go
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=cache,target=/go/pkg go test ./...
