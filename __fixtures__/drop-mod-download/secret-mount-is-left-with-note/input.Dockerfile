FROM golang:1.22
ENV GOPRIVATE=github.com/acme/*
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download
COPY . .
RUN go build -o /out/app .
