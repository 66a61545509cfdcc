FROM golang:1.23
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/go --mount=type=cache,target=/root/.cache go build -o /app .
