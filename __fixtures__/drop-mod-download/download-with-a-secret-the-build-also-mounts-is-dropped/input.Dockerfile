FROM golang:1.22
WORKDIR /app
COPY go.mod go.sum ./
RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download
COPY . .
RUN --mount=type=secret,id=netrc,target=/root/.netrc go build -o /out/app .
