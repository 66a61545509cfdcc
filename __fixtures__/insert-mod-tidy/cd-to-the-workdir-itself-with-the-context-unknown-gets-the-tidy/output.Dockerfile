FROM golang:1.23-alpine
WORKDIR /app
COPY go.mod go.sum ./
COPY . /app
RUN go mod tidy
RUN cd /app && \
  CGO_ENABLED=0 go build -o /out/app .
