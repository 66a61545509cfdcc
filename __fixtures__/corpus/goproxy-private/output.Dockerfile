FROM golang:1.22 AS build
ENV GOPROXY=https://goproxy.corp.example,https://proxy.golang.org,direct
ENV GOPRIVATE=github.com/acme/*
ENV GONOSUMDB=github.com/acme/*
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build go build -mod=mod -o /out/private ./cmd/private

FROM gcr.io/distroless/static
COPY --from=build /out/private /private
ENTRYPOINT ["/private"]
