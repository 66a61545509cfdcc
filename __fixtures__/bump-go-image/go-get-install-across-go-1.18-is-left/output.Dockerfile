FROM golang:1.16-alpine AS dev
WORKDIR /app
COPY . .
RUN go get github.com/githubnemo/CompileDaemon
ENTRYPOINT CompileDaemon --build="go build -o main ." --command=./main

FROM golang:1.18-alpine AS fetch-only
WORKDIR /app
COPY . .
RUN go get -d ./...
RUN go build -o /main .
