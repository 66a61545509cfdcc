FROM golang:1.22
WORKDIR /src
COPY . .
RUN make tools
RUN go build -mod=mod -o /app .
