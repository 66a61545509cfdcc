FROM golang:1.23
WORKDIR /src
COPY . .
CMD ["go", "run", "."]
