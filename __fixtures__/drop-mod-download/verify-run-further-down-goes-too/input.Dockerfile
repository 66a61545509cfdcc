FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN apk add --no-cache git
RUN go mod verify
RUN go build -mod=mod -o /bin/svc .
