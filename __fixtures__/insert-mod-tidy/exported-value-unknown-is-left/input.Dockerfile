FROM golang:1.22-alpine
WORKDIR /src
COPY . .
RUN export GOPRIVATE="$(cat /run/private-modules)" && go build -o /app .
