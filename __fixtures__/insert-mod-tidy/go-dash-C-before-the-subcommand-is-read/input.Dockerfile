FROM golang:1.23
WORKDIR /work
COPY . ./src
RUN go -C ./src mod download
RUN go -C ./src build -o /app .
