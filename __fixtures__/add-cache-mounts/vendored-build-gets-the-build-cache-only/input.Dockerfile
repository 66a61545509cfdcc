FROM golang:1.23
WORKDIR /src
COPY . .
RUN GOPROXY=off go build -mod=vendor -o /bin/svc .
