FROM golang:1.22
WORKDIR /src
COPY go.* ./
RUN go mod tidy
COPY cmd/ cmd/
RUN go build ./cmd/app
