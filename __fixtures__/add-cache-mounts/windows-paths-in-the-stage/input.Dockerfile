FROM golang:1.24 AS build
WORKDIR C:/src
COPY . .
RUN go build -o app.exe .

FROM golang:1.24 AS linux
WORKDIR /src
COPY . .
RUN go build -o /app .
