FROM golang:1.22-alpine
RUN apk add --no-cache git openssh-client
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=ssh \
    go mod download
COPY . .
RUN go build -o /out/app .
