FROM golang:1.23
RUN go env -w GOMODCACHE=/modcache GOPATH=/ignored
WORKDIR /src
COPY . .
RUN go build -o /app .
