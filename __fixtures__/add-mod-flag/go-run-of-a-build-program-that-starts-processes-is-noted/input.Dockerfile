FROM golang:1.24
WORKDIR /src
COPY . .
RUN go run hack/build-all.go
