FROM golang:1.22
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=secret,id=netrc,target=/root/.netrc --mount=type=ssh go mod download
COPY . .
RUN --mount=type=secret,id=netrc,target=/root/.netrc go build -o /app .
