FROM golang:1.22-alpine
ARG TOKEN
WORKDIR /src
COPY . .
RUN git config --global url."https://x:${TOKEN}@github.com/".insteadOf "https://github.com/" && go build -o /app .
