FROM quay.io/fedora/fedora:42
RUN dnf install -y golang
WORKDIR /src
COPY . .
RUN go build -o /app .
