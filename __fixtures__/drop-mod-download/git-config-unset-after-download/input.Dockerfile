FROM golang:1.22-alpine
ARG TOKEN
WORKDIR /src
COPY go.mod go.sum ./
RUN git config --global url."https://x:${TOKEN}@github.com/".insteadOf "https://github.com/" && \
    go mod download && \
    git config --global --unset url."https://x:${TOKEN}@github.com/".insteadOf
COPY . .
RUN go build -o /app .
