FROM golang:1.14
ARG SERVICE
COPY . /src
WORKDIR /src/$SERVICE
RUN go build -o /app .
