FROM golang:1.22
WORKDIR /src
COPY . .
RUN make vendor && go build -o /app .
