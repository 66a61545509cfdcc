FROM golang:1.23
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN apk add --no-cache git
RUN go build -mod=mod -o /bin/svc .
