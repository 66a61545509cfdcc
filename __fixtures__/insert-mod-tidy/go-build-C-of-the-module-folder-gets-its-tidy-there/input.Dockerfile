FROM golang:1.22
COPY . /src/app
RUN go build -C /src/app -o /out/app .
