FROM golang:1.23
WORKDIR /src
ENV GOPRIVATE=github.com/acme
COPY . .
RUN --mount=type=secret,id=netrc,target=/root/.netrc go build -o /app .
