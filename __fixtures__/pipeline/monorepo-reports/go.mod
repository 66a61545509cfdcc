module example.com/monorepo/services/reports

go 1.24.2

require github.com/jackc/pgx/v5 v5.7.1
