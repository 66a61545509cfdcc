FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN apk add --no-cache git \ && go mod download
RUN go build -o /out/app .
