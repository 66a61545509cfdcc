FROM golang:1.23
WORKDIR /src
COPY . .
RUN go env -w GO111MODULE=off && go build -o /app .
