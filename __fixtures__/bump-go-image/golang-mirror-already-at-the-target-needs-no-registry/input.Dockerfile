FROM registry.corp.example/golang:1.26
WORKDIR /src
COPY . .
RUN go build -o /a .

FROM registry.corp.example/golang:1.22 AS old
WORKDIR /src
COPY . .
RUN go build -o /b .
