FROM golang:1.22-alpine
ARG TOKEN
WORKDIR /src
COPY go.mod go.sum ./
RUN echo "machine github.com login x password $TOKEN" > /root/.netrc && go mod download
COPY . .
RUN go build -o /app .
