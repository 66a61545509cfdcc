FROM golang:1.22-alpine
ARG TOKEN
WORKDIR /src
COPY . .
RUN printf 'machine github.com login x password %s\n' "$TOKEN" > ~/.netrc && go build -o /app .
