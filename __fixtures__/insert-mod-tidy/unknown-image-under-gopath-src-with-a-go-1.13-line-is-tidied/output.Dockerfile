FROM registry.example/team/go-base:1.0
WORKDIR /go/src/services
COPY . .
RUN go mod tidy
RUN go build ./cmd/app
