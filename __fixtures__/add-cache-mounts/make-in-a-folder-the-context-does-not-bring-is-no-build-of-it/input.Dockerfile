FROM golang:1.22
WORKDIR /src
COPY clib.tar.gz ./
RUN tar -xzf clib.tar.gz && make -C clib && make install -C clib
COPY go.mod go.sum ./
COPY . .
RUN go build -o /app .
