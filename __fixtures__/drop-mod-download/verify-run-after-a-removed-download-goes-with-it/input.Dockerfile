FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./

RUN go mod download
RUN go mod verify

COPY . .
RUN go build -mod=mod -o /bin/svc .
