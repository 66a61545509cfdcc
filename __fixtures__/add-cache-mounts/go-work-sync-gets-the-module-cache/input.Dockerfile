FROM golang:1.24-alpine
WORKDIR /w
COPY go.work go.work.sum ./
COPY lib lib
COPY app app
RUN go work sync
WORKDIR /w/app
RUN go build -o /out/app .
