ARG GO_IMAGE
FROM registry.corp.example/golang:1.22
COPY . .
RUN go build -o /tmp/app .
