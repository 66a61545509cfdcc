FROM golang:1.21
WORKDIR /go/src/app
ONBUILD COPY go.mod go.sum ./
ONBUILD RUN go mod download
ONBUILD COPY . .
ONBUILD RUN go build -o /go/bin/app .
CMD ["app"]
