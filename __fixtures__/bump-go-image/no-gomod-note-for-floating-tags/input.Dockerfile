FROM golang:latest AS a
WORKDIR /src
COPY main.go .
RUN go build -o /a main.go

FROM golang:alpine AS b
WORKDIR /src
COPY main.go .
RUN go build -o /b main.go

FROM golang AS c
WORKDIR /src
COPY main.go .
RUN go build -o /c main.go
