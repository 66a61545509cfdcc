FROM golang:1.21 AS build
ENV GOPROXY=https://goproxy.corp.example,https://proxy.golang.org,direct
ENV GOPRIVATE=github.com/acme/*
ENV GONOSUMDB=github.com/acme/*
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download
COPY . .
RUN go build -o /out/private ./cmd/private

FROM gcr.io/distroless/static
COPY --from=build /out/private /private
ENTRYPOINT ["/private"]
