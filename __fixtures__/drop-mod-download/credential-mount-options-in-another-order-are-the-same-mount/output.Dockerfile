FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
COPY . .
RUN --mount=target=/root/.netrc,id=netrc,type=secret go build -o /app .
