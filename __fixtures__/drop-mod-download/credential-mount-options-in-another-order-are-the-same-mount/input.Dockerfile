FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download
COPY . .
RUN --mount=target=/root/.netrc,id=netrc,type=secret go build -o /app .
