-- A paper's project page (Hugging Face's projectPage), beside its code repository.
alter table paper add column project_url text;
