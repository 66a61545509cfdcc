FROM golang:1.22
WORKDIR /src
COPY . .
RUN go generate ./... && make build
RUN go run mage.go build
RUN go vet ./...
